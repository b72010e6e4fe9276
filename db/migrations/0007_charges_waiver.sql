ALTER TABLE `allocations` ADD `fine_waived_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `allocations` ADD `interest_waived_cents` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `approved_by` text REFERENCES users(id);