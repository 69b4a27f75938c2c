import { Migration } from '@mikro-orm/migrations';

/**
 * Platform §1: the work-order event table becomes the store-scoped domain event log. Every row is
 * kept with its store and sequence number (so board cursors issued before stay exact); the
 * work-order columns move into `data` as the event's facts; the actor gains a kind.
 */
export class Migration20261124050000_domain_event_log extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop trigger if exists work_order_event_append_only on "work_order_event";`);
    this.addSql(`alter table "work_order_event" rename to "domain_event";`);
    this.addSql(`alter table "domain_event" rename constraint "work_order_event_pkey" to "domain_event_pkey";`);
    this.addSql(`alter table "domain_event" rename constraint "work_order_event_store_id_seq_unique" to "domain_event_store_id_seq_unique";`);
    this.addSql(`alter table "domain_event" rename constraint "work_order_event_store_id_foreign" to "domain_event_store_id_foreign";`);
    this.addSql(`alter sequence "work_order_event_id_seq" rename to "domain_event_id_seq";`);
    this.addSql(`alter table "domain_event" add column "aggregate_type" varchar(40) null, add column "aggregate_id" int null, add column "actor_kind" varchar(20) null;`);
    this.addSql(`update "domain_event" set
        "aggregate_type" = 'WorkOrder',
        "aggregate_id" = "work_order_id",
        "actor_kind" = case when "actor_id" is null then 'system' else 'staff' end,
        "data" = jsonb_strip_nulls(jsonb_build_object('from', "from_status", 'to', "to_status", 'holdReason', "hold_reason", 'reason', "reason", 'version', "version")) || coalesce("data", '{}'::jsonb);`);
    this.addSql(`alter table "domain_event" drop constraint "work_order_event_work_order_id_foreign", drop constraint "work_order_event_actor_id_foreign";`);
    this.addSql(`drop index "work_order_event_work_order_id_index";`);
    this.addSql(`alter table "domain_event" drop column "work_order_id", drop column "from_status", drop column "to_status", drop column "hold_reason", drop column "reason", drop column "version";`);
    this.addSql(`alter table "domain_event" drop constraint if exists "work_order_event_kind_check";`);
    this.addSql(`alter table "domain_event" alter column "kind" type varchar(60) using ("kind"::varchar(60));`);
    this.addSql(`update "domain_event" set "data" = '{}'::jsonb where "data" is null;`);
    this.addSql(`alter table "domain_event" alter column "aggregate_type" set not null, alter column "aggregate_id" set not null, alter column "actor_kind" set not null, alter column "data" set not null;`);
    this.addSql(`create index "domain_event_aggregate_type_aggregate_id_seq_index" on "domain_event" ("aggregate_type", "aggregate_id", "seq");`);
    this.addSql(`create trigger domain_event_append_only before update or delete on "domain_event" for each row execute function workbay_refuse_change();`);

    this.addSql(`create table "event_consumer_cursor" ("consumer" varchar(80) not null, "store_id" int not null, "seq" int not null default 0, "attempts" int not null default 0, "last_error" text null, "retry_at" timestamptz null, constraint "event_consumer_cursor_pkey" primary key ("consumer", "store_id"));`);
    this.addSql(`create table "parked_event" ("id" serial primary key, "consumer" varchar(80) not null, "store_id" int not null, "seq" int not null, "attempts" int not null, "error" text not null, "parked_at" timestamptz not null, "resolved_at" timestamptz null, "resolution" varchar(20) null);`);
    this.addSql(`create index "parked_event_store_id_resolved_at_index" on "parked_event" ("store_id", "resolved_at");`);
  }

  override async down(): Promise<void> {
    throw new Error('The domain event log cannot be turned back into the work-order event table: restore a backup instead.');
  }
}
