import { Migration } from '@mikro-orm/migrations';

export class Migration20261124095000_supplemental_jobs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "job" drop constraint if exists "job_status_check";`);

    this.addSql(`alter table "job" add constraint "job_status_check" check("status" in ('WAITING_APPROVAL', 'PENDING', 'IN_PROGRESS', 'DONE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "job" drop constraint if exists "job_status_check";`);

    this.addSql(`alter table "job" add constraint "job_status_check" check("status" in ('PENDING', 'IN_PROGRESS', 'DONE'));`);
  }

}
