-- X-7 risk checks: the thresholds operators tune, as one versioned JSON document (edited through /api/risk/settings).
CREATE TABLE risk_settings (
    id         INT PRIMARY KEY CHECK (id = 1),
    document   TEXT        NOT NULL,
    version    INT         NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
INSERT INTO risk_settings (id, document) VALUES (1, '{"maxWithdrawals24h":10,"limits":[{"currency":"HKD","dailyLimit":"5000000.00","largeAmount":"3000000.00"},{"currency":"USD","dailyLimit":"1000000.00","largeAmount":"500000.00"},{"currency":"CNY","dailyLimit":"5000000.00","largeAmount":"3000000.00"}],"blacklistedAccounts":[],"disabledRules":[]}');
