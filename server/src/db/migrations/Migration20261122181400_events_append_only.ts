import { Migration } from '@mikro-orm/migrations';

/** R-WO-2: the event log is never edited — enforced by the database, not only by the API. */
export class Migration20261122181400_events_append_only extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function workbay_refuse_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only', tg_table_name; end $$;`);
    this.addSql(`create trigger work_order_event_append_only before update or delete on "work_order_event"
      for each row execute function workbay_refuse_change();`);
    this.addSql(`create trigger audit_log_append_only before update or delete on "audit_log"
      for each row execute function workbay_refuse_change();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists audit_log_append_only on "audit_log";`);
    this.addSql(`drop trigger if exists work_order_event_append_only on "work_order_event";`);
    this.addSql(`drop function if exists workbay_refuse_change();`);
  }
}
