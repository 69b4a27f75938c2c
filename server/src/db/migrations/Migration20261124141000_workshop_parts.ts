import { Migration } from '@mikro-orm/migrations';

/** Issue 8 remainder: parts requested for jobs (R-WO-5), estimate lines from the catalog, issued parts at settlement, delivery corrections. */
export class Migration20261124141000_workshop_parts extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "delivery_correction" ("id" serial primary key, "store_id" int not null, "delivery_id" int not null, "changes" jsonb not null, "reason" varchar(500) not null, "version" int not null, "corrected_by_id" int null, "corrected_at" timestamptz not null);`);
    this.addSql(`create index "delivery_correction_delivery_id_index" on "delivery_correction" ("delivery_id");`);

    this.addSql(`alter table "delivery_correction" add constraint "delivery_correction_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade;`);
    this.addSql(`alter table "delivery_correction" add constraint "delivery_correction_delivery_id_foreign" foreign key ("delivery_id") references "delivery" ("id") on update cascade;`);
    this.addSql(`alter table "delivery_correction" add constraint "delivery_correction_corrected_by_id_foreign" foreign key ("corrected_by_id") references "staff" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "purchase_request" drop constraint if exists "purchase_request_origin_check";`);

    this.addSql(`alter table "settlement" add column "issued_parts" jsonb not null default '[]';`);

    this.addSql(`alter table "job" add column "waiting_parts_requests" int not null default 0;`);

    this.addSql(`alter table "purchase_request" add column "work_order_id" int null, add column "job_id" int null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_job_id_foreign" foreign key ("job_id") references "job" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "purchase_request" add constraint "purchase_request_origin_check" check("origin" in ('REORDER_POINT', 'BOOKING_SHORTAGE', 'JOB_SHORTAGE', 'MANUAL'));`);

    this.addSql(`alter table "estimate_line" add column "catalog_part_id" int null;`);

    this.addSql(`alter table "delivery" add column "version" int not null default 1;`);
    this.addSql(`create index "purchase_request_job_id_status_index" on "purchase_request" ("job_id", "status");`);
    this.addSql(`create trigger delivery_correction_immutable before update or delete on "delivery_correction" for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "purchase_request_job_id_status_index";`);
    this.addSql(`drop table if exists "delivery_correction" cascade;`);

    this.addSql(`alter table "purchase_request" drop constraint if exists "purchase_request_origin_check";`);

    this.addSql(`alter table "purchase_request" drop constraint "purchase_request_work_order_id_foreign";`);
    this.addSql(`alter table "purchase_request" drop constraint "purchase_request_job_id_foreign";`);

    this.addSql(`alter table "delivery" drop column "version";`);

    this.addSql(`alter table "estimate_line" drop column "catalog_part_id";`);

    this.addSql(`alter table "job" drop column "waiting_parts_requests";`);

    this.addSql(`alter table "purchase_request" drop column "work_order_id", drop column "job_id";`);

    this.addSql(`alter table "purchase_request" add constraint "purchase_request_origin_check" check("origin" in ('REORDER_POINT', 'BOOKING_SHORTAGE', 'MANUAL'));`);

    this.addSql(`alter table "settlement" drop column "issued_parts";`);
  }

}
