CREATE TABLE `customer_phones` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`number` text NOT NULL,
	`whatsapp` integer DEFAULT false NOT NULL,
	`wrong_number` integer DEFAULT false NOT NULL,
	`position` integer NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_phones_customer_ix` ON `customer_phones` (`customer_id`);--> statement-breakpoint
CREATE INDEX `customer_phones_number_ix` ON `customer_phones` (`number`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`name` text NOT NULL,
	`name_folded` text NOT NULL,
	`cpf` text NOT NULL,
	`email` text,
	`address` text,
	`birth_date` text,
	`key_customer` integer DEFAULT false NOT NULL,
	`do_not_call` integer DEFAULT false NOT NULL,
	`notes` text,
	`whatsapp_opt_in_at` text,
	`anonymized_at` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_cpf_uq` ON `customers` (`cpf`);--> statement-breakpoint
CREATE INDEX `customers_name_folded_ix` ON `customers` (`name_folded`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`json` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`principal_cents` integer NOT NULL,
	`charges_cents` integer NOT NULL,
	`discount_cents` integer NOT NULL,
	`down_payment_cents` integer NOT NULL,
	`installment_count` integer NOT NULL,
	`monthly_rate_pct` real NOT NULL,
	`first_due_date` text NOT NULL,
	`approved_by` text,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreements_customer_ix` ON `agreements` (`customer_id`);--> statement-breakpoint
CREATE TABLE `allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`payment_id` text NOT NULL,
	`installment_id` text NOT NULL,
	`principal_cents` integer NOT NULL,
	`fine_cents` integer NOT NULL,
	`interest_cents` integer NOT NULL,
	`discount_cents` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`installment_id`) REFERENCES `installments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `allocations_payment_ix` ON `allocations` (`payment_id`);--> statement-breakpoint
CREATE INDEX `allocations_installment_ix` ON `allocations` (`installment_id`);--> statement-breakpoint
CREATE TABLE `installments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`sale_id` text,
	`agreement_id` text,
	`number` integer NOT NULL,
	`count` integer NOT NULL,
	`due_date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`monthly_rate_pct` real NOT NULL,
	`fine_rate_pct` real NOT NULL,
	`late_interest_monthly_pct` real NOT NULL,
	`renegotiated_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sale_id`) REFERENCES `sales`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`renegotiated_by`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `installments_customer_due_ix` ON `installments` (`customer_id`,`due_date`);--> statement-breakpoint
CREATE INDEX `installments_sale_ix` ON `installments` (`sale_id`);--> statement-breakpoint
CREATE INDEX `installments_due_ix` ON `installments` (`due_date`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`receipt_number` text NOT NULL,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`method` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payments_customer_ix` ON `payments` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_uq` ON `payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `payments_date_ix` ON `payments` (`date`);--> statement-breakpoint
CREATE TABLE `reversals` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`payment_id` text NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text,
	`approved_by` text,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reversals_payment_uq` ON `reversals` (`payment_id`);--> statement-breakpoint
CREATE TABLE `sales` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`number` text NOT NULL,
	`date` text NOT NULL,
	`description` text NOT NULL,
	`total_cents` integer NOT NULL,
	`down_payment_cents` integer NOT NULL,
	`financed_cents` integer NOT NULL,
	`installment_count` integer NOT NULL,
	`monthly_rate_pct` real NOT NULL,
	`created_by` text,
	`source` text DEFAULT 'counter' NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sales_customer_ix` ON `sales` (`customer_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `sales_number_uq` ON `sales` (`number`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`user_id` text,
	`phone_id` text,
	`channel` text NOT NULL,
	`outcome` text NOT NULL,
	`at` text NOT NULL,
	`inbound` integer DEFAULT false NOT NULL,
	`notes` text,
	`objection_ids` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`phone_id`) REFERENCES `customer_phones`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `contacts_customer_at_ix` ON `contacts` (`customer_id`,`at`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`agreement_id` text,
	`channel` text NOT NULL,
	`template` text NOT NULL,
	`body` text NOT NULL,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agreement_id`) REFERENCES `agreements`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `messages_customer_ix` ON `messages` (`customer_id`);--> statement-breakpoint
CREATE TABLE `promises` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`customer_id` text NOT NULL,
	`contact_id` text,
	`date` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`created_by` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `promises_customer_ix` ON `promises` (`customer_id`,`date`);--> statement-breakpoint
CREATE TABLE `audit` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_name` text NOT NULL,
	`transport` text NOT NULL,
	`method` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at_ix` ON `audit` (`at`);--> statement-breakpoint
CREATE TABLE `counters` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `idempotency` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`device` text NOT NULL,
	`method` text NOT NULL,
	`result` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `idempotency_method_ix` ON `idempotency` (`method`);