CREATE TABLE `bureau_records` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`notice_id` text,
	`bureau` text NOT NULL,
	`registered_on` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`registered_by` text,
	`paid_off_on` text,
	`removal_due` text,
	`removed_on` text,
	`removed_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`notice_id`) REFERENCES `formal_notices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`registered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bureau_records_customer_ix` ON `bureau_records` (`customer_id`);--> statement-breakpoint
CREATE INDEX `bureau_records_removal_ix` ON `bureau_records` (`removed_on`,`removal_due`);--> statement-breakpoint
CREATE TABLE `formal_notices` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`sent_on` text NOT NULL,
	`deadline` text NOT NULL,
	`principal_cents` integer NOT NULL,
	`fine_cents` integer NOT NULL,
	`interest_cents` integer NOT NULL,
	`total_cents` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `formal_notices_customer_ix` ON `formal_notices` (`customer_id`);