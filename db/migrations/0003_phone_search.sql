CREATE INDEX `customer_phones_local_ix` ON `customer_phones` (substr(`number`, 3));
