CREATE TABLE `profile_moves` (
	`customer_id` text NOT NULL,
	`day` text NOT NULL,
	`from_profile` text NOT NULL,
	`to_profile` text NOT NULL,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `profile_moves_day_ix` ON `profile_moves` (`day`);--> statement-breakpoint
CREATE INDEX `audit_method_at_ix` ON `audit` (`method`,`at`);--> statement-breakpoint
CREATE INDEX `audit_user_at_ix` ON `audit` (`user_id`,`at`);