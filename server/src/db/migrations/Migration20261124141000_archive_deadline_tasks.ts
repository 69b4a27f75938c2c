import { Migration } from '@mikro-orm/migrations';

export class Migration20261124141000_archive_deadline_tasks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_kind_check";`);

    this.addSql(`alter table "advisor_task" add constraint "advisor_task_kind_check" check("kind" in ('CONFIRM_APPOINTMENT', 'GREET_CUSTOMER', 'REMIND_CUSTOMER', 'CALL_WHEN_PARTS_ARRIVE', 'COMPLETE_ARCHIVE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "advisor_task" drop constraint if exists "advisor_task_kind_check";`);

    this.addSql(`alter table "advisor_task" add constraint "advisor_task_kind_check" check("kind" in ('CONFIRM_APPOINTMENT', 'GREET_CUSTOMER', 'REMIND_CUSTOMER', 'CALL_WHEN_PARTS_ARRIVE'));`);
  }

}
