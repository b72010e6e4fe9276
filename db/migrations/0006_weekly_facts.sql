CREATE TABLE `weekly_facts` (
	`week_start` text NOT NULL,
	`metric` text NOT NULL,
	`dim` text DEFAULT '' NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`metric`, `dim`, `week_start`)
) WITHOUT ROWID;
