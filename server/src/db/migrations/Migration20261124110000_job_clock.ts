import { Migration } from '@mikro-orm/migrations';

export class Migration20261124110000_job_clock extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "progress_note" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "note" varchar(500) not null, "percent" int not null, "at" timestamptz not null, "by_id" int not null);`);
    this.addSql(`create index "progress_note_work_order_id_index" on "progress_note" ("work_order_id");`);
    this.addSql(`create table "job_clocking" ("id" serial primary key, "store_id" int not null, "work_order_id" int not null, "job_id" int not null, "technician_id" int not null, "start" timestamptz not null, "end" timestamptz null);`);
    this.addSql(`create index "job_clocking_work_order_id_index" on "job_clocking" ("work_order_id");`);
    this.addSql(`create index "job_clocking_job_id_index" on "job_clocking" ("job_id");`);
    this.addSql(`create index "job_clocking_technician_id_start_index" on "job_clocking" ("technician_id", "start");`);
    this.addSql(`alter table "progress_note" add constraint "progress_note_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "progress_note" add constraint "progress_note_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "progress_note" add constraint "progress_note_by_id_foreign" foreign key ("by_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "job_clocking" add constraint "job_clocking_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "job_clocking" add constraint "job_clocking_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade;`);
    this.addSql(`alter table "job_clocking" add constraint "job_clocking_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "job_clocking" add constraint "job_clocking_technician_id_foreign" foreign key ("technician_id") references "staff" ("id") on update cascade;`);
    this.addSql(`alter table "job" add column "clocked_seconds" int not null default 0, add column "open_clockings" int not null default 0, add column "open_since_minutes" int not null default 0;`);
    this.addSql(`alter table "work_order" add column "progress_percent" int null, add column "last_progress_at" timestamptz null, add column "last_progress_note" varchar(500) null;`);
    // R-WO-4: one open clocking per technician (the store lock serialises clockJob; this is the net under it).
    this.addSql(`create unique index "job_clocking_one_open_per_technician" on "job_clocking" ("technician_id") where "end" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "progress_note" cascade;`);
    this.addSql(`drop table if exists "job_clocking" cascade;`);
    this.addSql(`alter table "job" drop column "clocked_seconds", drop column "open_clockings", drop column "open_since_minutes";`);
    this.addSql(`alter table "work_order" drop column "progress_percent", drop column "last_progress_at", drop column "last_progress_note";`);
  }

}
