// IBKR wire clients.
