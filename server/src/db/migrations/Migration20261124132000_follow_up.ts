import { Migration } from '@mikro-orm/migrations';

export class Migration20261124132000_follow_up extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "survey" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "attitude" smallint not null, "quality" smallint not null, "price_transparency" smallint not null, "suggestions" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "survey" add constraint "survey_work_order_id_unique" unique ("work_order_id");`);

    this.addSql(`create table "follow_up_task" ("id" serial primary key, "store_id" int not null, "kind" text check ("kind" in ('CALLBACK', 'TRACKING_CALL', 'COMPLAINT_RECALL', 'CALL_WHEN_PARTS_ARRIVE')) not null, "status" text check ("status" in ('OPEN', 'OVERDUE', 'DONE', 'UNREACHED', 'CANCELLED')) not null default 'OPEN', "sequence" int not null default 1, "version" int not null default 1, "due_at" timestamptz not null, "topic" varchar(300) not null, "channel" text check ("channel" in ('PHONE', 'SMS', 'WECHAT', 'APP')) not null, "customer_id" int not null, "work_order_id" int null, "assignee_id" int null, "attempt_count" int not null default 0, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "follow_up_task_customer_id_index" on "follow_up_task" ("customer_id");`);
    this.addSql(`create index "follow_up_task_store_id_status_due_at_index" on "follow_up_task" ("store_id", "status", "due_at");`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_work_order_id_kind_sequence_unique" unique ("work_order_id", "kind", "sequence");`);

    this.addSql(`create table "follow_up_attempt" ("id" serial primary key, "task_id" int not null, "at" timestamptz not null, "outcome" text check ("outcome" in ('REACHED', 'NO_ANSWER', 'BUSY', 'WRONG_NUMBER', 'DECLINED')) not null, "channel" text check ("channel" in ('PHONE', 'SMS', 'WECHAT', 'APP')) not null, "notes" text null, "by_id" int not null);`);
    this.addSql(`create index "follow_up_attempt_task_id_index" on "follow_up_attempt" ("task_id");`);

    this.addSql(`alter table "survey" add constraint "survey_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "survey" add constraint "survey_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);

    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "follow_up_task" add constraint "follow_up_task_assignee_id_foreign" foreign key ("assignee_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "follow_up_attempt" add constraint "follow_up_attempt_task_id_foreign" foreign key ("task_id") references "follow_up_task" ("id") on update cascade;`);
    this.addSql(`alter table "follow_up_attempt" add constraint "follow_up_attempt_by_id_foreign" foreign key ("by_id") references "staff" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "follow_up_attempt" drop constraint "follow_up_attempt_task_id_foreign";`);

    this.addSql(`drop table if exists "survey" cascade;`);

    this.addSql(`drop table if exists "follow_up_task" cascade;`);

    this.addSql(`drop table if exists "follow_up_attempt" cascade;`);
  }

}
