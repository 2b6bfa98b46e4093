-- The signed time of the last account-opening report applied to a customer. A report signed before it (one recorded on
-- the way and sent again within the signature's five minutes, or one the other system delivered late) would put back a
-- status the customer has already left, so it is refused.
ALTER TABLE customer ADD COLUMN opening_reported_at TIMESTAMPTZ;
