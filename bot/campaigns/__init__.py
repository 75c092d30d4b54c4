"""Audit campaigns: themed audit rounds across chosen teams, with allocated cases, a deadline, chasing, a
moderation sample and a report to the practice improvement board.

`model` (what a campaign is, and its checks), `casefile` (the CSV of case references), `allocate` (who audits
what), `sample` (the moderation sample), `report` (the figures and their renderings), `service` (the steps
that read and write, shared by Slack, the terminal chat, the CLI and the scheduler), `feature` (engine wiring).
"""
