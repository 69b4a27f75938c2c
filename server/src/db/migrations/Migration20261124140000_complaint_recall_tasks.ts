import { Migration } from '@mikro-orm/migrations';

export class Migration20261124140000_complaint_recall_tasks extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "follow_up_task" add column "complaint_id" int null;`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_complaint_id_sequence_unique" unique ("complaint_id", "sequence");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "follow_up_task" drop constraint "follow_up_task_complaint_id_foreign";`);

    this.addSql(`alter table "follow_up_task" drop constraint "follow_up_task_complaint_id_sequence_unique";`);
    this.addSql(`alter table "follow_up_task" drop column "complaint_id";`);
  }

}
