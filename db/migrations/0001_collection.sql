CREATE TABLE `disputes` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`contact_id` text,
	`kind` text NOT NULL,
	`notes` text,
	`opened_by` text,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `disputes_customer_ix` ON `disputes` (`customer_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`name` text NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_mappings_name_uq` ON `import_mappings` (`name`);--> statement-breakpoint
CREATE TABLE `customer_standings` (
	`id` text PRIMARY KEY NOT NULL,
	`computed_on` text NOT NULL,
	`valid_until` text NOT NULL,
	`open_principal_cents` integer NOT NULL,
	`overdue_principal_cents` integer NOT NULL,
	`overdue_count` integer NOT NULL,
	`oldest_overdue_due` text,
	`next_due_date` text,
	`fine_charged_cents` integer NOT NULL,
	`last_payment_date` text,
	`paid_off_on` text,
	`profile` text NOT NULL,
	`profile_reasons` text NOT NULL,
	`first_delay` integer NOT NULL,
	`promise_id` text,
	`promise_date` text,
	`promise_amount_cents` integer,
	`promise_status` text,
	`broken_promise_on` text,
	`last_attempt_at` text,
	`last_conversation_at` text,
	`callback_at` text,
	`open_disputes` integer NOT NULL,
	`best_hour` integer,
	FOREIGN KEY (`id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_standings_valid_ix` ON `customer_standings` (`valid_until`);--> statement-breakpoint
CREATE INDEX `customer_standings_overdue_ix` ON `customer_standings` (`oldest_overdue_due`);--> statement-breakpoint
CREATE TABLE `installment_standings` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_id` text NOT NULL,
	`effective_due_date` text NOT NULL,
	`status` text NOT NULL,
	`principal_open_cents` integer NOT NULL,
	`fine_assessed_cents` integer NOT NULL,
	`fine_open_cents` integer NOT NULL,
	`interest_base_cents` integer NOT NULL,
	`interest_from` text NOT NULL,
	`late_interest_monthly_pct` real NOT NULL,
	`last_payment_date` text,
	`paid_off_on` text,
	FOREIGN KEY (`id`) REFERENCES `installments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `installment_standings_customer_ix` ON `installment_standings` (`customer_id`,`effective_due_date`);--> statement-breakpoint
CREATE TABLE `projection_state` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `customers` ADD `reminders_paused` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `contacts` ADD `callback_at` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `callback_channel` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `step_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `installment_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `status` text DEFAULT 'sent' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `recipient` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `subject` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `contact_id` text REFERENCES contacts(id);--> statement-breakpoint
CREATE INDEX `messages_status_ix` ON `messages` (`status`,`next_attempt_at`);