"""The read-only web app and JSON API over the ledger (`aidledger serve`)."""
