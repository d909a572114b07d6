DROP INDEX `instalments_obligation_idx`;--> statement-breakpoint
CREATE INDEX `instalments_obligation_idx` ON `instalments` (`obligation_id`,`result`);--> statement-breakpoint
DROP INDEX `ratings_case_idx`;--> statement-breakpoint
CREATE INDEX `ratings_case_idx` ON `ratings` (`case_id`,`stars`);--> statement-breakpoint
CREATE INDEX `cases_created_idx` ON `cases` (`created_at`);