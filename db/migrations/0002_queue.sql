CREATE TABLE `queue_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`day` text NOT NULL,
	`score` integer NOT NULL,
	`overdue_principal_cents` integer NOT NULL,
	`best_hour` integer,
	FOREIGN KEY (`id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `queue_candidates_score_ix` ON `queue_candidates` (`score`);--> statement-breakpoint
CREATE INDEX `customer_standings_promise_ix` ON `customer_standings` (`promise_date`);