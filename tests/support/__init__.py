"""Test harness for the real Slack stack: a Web API stand-in and a client that signs requests to Bolt."""
