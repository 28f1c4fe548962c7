CREATE TABLE `agreements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` text NOT NULL,
	`organisation` text NOT NULL,
	`signed_on` text NOT NULL,
	`ended_on` text,
	`note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "agreement_organisation_known" CHECK("agreements"."organisation" IN ('RK', 'DFH')),
	CONSTRAINT "agreement_ends_after_signing" CHECK("agreements"."ended_on" IS NULL OR "agreements"."ended_on" >= "agreements"."signed_on")
);
--> statement-breakpoint
CREATE INDEX `agreements_municipality_idx` ON `agreements` (`municipality_code`);--> statement-breakpoint
CREATE INDEX `agreements_period_idx` ON `agreements` (`signed_on`,`ended_on`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_key` text NOT NULL,
	`municipality_code` text,
	`quarter_code` text,
	`old_value` text,
	`new_value` text,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_municipality_idx` ON `audit_log` (`municipality_code`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_quarter_idx` ON `audit_log` (`quarter_code`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor`,`at`);--> statement-breakpoint
CREATE TABLE `category_definitions` (
	`version` integer PRIMARY KEY NOT NULL,
	`valid_from` text NOT NULL,
	`definitions` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "municipality_code_has_four_digits" CHECK("municipalities"."code" GLOB '[0-9][0-9][0-9][0-9]')
);
--> statement-breakpoint
CREATE TABLE `quarters` (
	`code` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`definitions_version` integer NOT NULL,
	`opened_at` text NOT NULL,
	`finalised_at` text,
	`finalised_by` text,
	FOREIGN KEY (`definitions_version`) REFERENCES `category_definitions`(`version`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quarter_code_canonical" CHECK("quarters"."code" = "quarters"."year" || 'K' || "quarters"."quarter"),
	CONSTRAINT "quarter_in_range" CHECK("quarters"."quarter" BETWEEN 1 AND 4),
	CONSTRAINT "quarter_state_known" CHECK("quarters"."state" IN ('open', 'final'))
);
--> statement-breakpoint
CREATE TABLE `reception_quotas` (
	`municipality_code` text NOT NULL,
	`year` integer NOT NULL,
	`quota` integer,
	`zero_quota` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`municipality_code`, `year`),
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "quota_not_negative" CHECK("reception_quotas"."quota" IS NULL OR "reception_quotas"."quota" >= 0)
);
--> statement-breakpoint
CREATE INDEX `reception_quotas_year_idx` ON `reception_quotas` (`year`);--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `statuses` (
	`quarter_code` text NOT NULL,
	`municipality_code` text NOT NULL,
	`category` integer,
	`reason` text,
	`reason_text` text,
	`note` text,
	`carried_over` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`quarter_code`, `municipality_code`),
	FOREIGN KEY (`quarter_code`) REFERENCES `quarters`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "status_category_known" CHECK("statuses"."category" IS NULL OR "statuses"."category" IN (1, 2, 3)),
	CONSTRAINT "status_reason_known" CHECK("statuses"."reason" IS NULL OR "statuses"."reason" IN ('too_few_volunteers', 'municipal_staff_change', 'activity_leader_change', 'few_refugees', 'agreement_signed', 'agreement_ended', 'new_cooperation', 'other'))
);
--> statement-breakpoint
CREATE INDEX `statuses_municipality_idx` ON `statuses` (`municipality_code`,`quarter_code`);