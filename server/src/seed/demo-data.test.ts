import { describe, it, expect } from 'vitest';
import {
  ALL_ROLES,
  ALL_SKILLS,
  complaints,
  createRng,
  demoBays,
  demoCustomers,
  demoStaff,
  demoStore,
  demoVehicles,
  jobCatalogue,
} from './demo-data.js';
import { isValidVin } from '../shared/vin.js';
import { isNewEnergyPlate, isValidPlate } from '../shared/plate.js';
import { isValidMobile } from '../shared/mobile.js';

describe('createRng', () => {
  it('is deterministic and returns numbers in [0, 1)', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('differs between seeds', () => {
    expect(createRng(1)()).not.toBe(createRng(2)());
  });
});

describe('static demo data', () => {
  it('has the store, six bays and a non-empty catalogue', () => {
    expect(demoStore.code).toBe('BJ-BY');
    expect(demoBays).toHaveLength(6);
    expect(jobCatalogue.length).toBeGreaterThanOrEqual(15);
    expect(complaints.length).toBeGreaterThanOrEqual(15);
    for (const job of jobCatalogue) {
      expect(ALL_SKILLS).toContain(job.skill);
      expect(job.standardHours).toBeGreaterThan(0);
    }
  });

  it('covers every role and every skill with staff', () => {
    const roles = new Set(demoStaff.flatMap((s) => s.roles));
    for (const role of ALL_ROLES) expect(roles, role).toContain(role);
    const technicianSkills = new Set(
      demoStaff.filter((s) => s.roles.includes('TECHNICIAN')).flatMap((s) => s.skills),
    );
    for (const skill of ALL_SKILLS) expect(technicianSkills, skill).toContain(skill);
  });

  it('has unique usernames and the expected accounts', () => {
    const usernames = demoStaff.map((s) => s.username);
    expect(new Set(usernames).size).toBe(usernames.length);
    for (const u of ['admin', 'manager', 'advisor', 'advisor2', 'foreman', 'tech1', 'tech2', 'tech3', 'tech4', 'leader', 'qc', 'parts', 'warranty', 'cashier', 'cs']) {
      expect(usernames).toContain(u);
    }
    const leader = demoStaff.find((s) => s.username === 'leader')!;
    expect(leader.roles).toEqual(['TEAM_LEADER', 'TECHNICIAN']);
    expect([...leader.skills].sort()).toEqual([...ALL_SKILLS].sort());
  });
});

describe('demoCustomers', () => {
  const customers = demoCustomers(200, createRng(7));

  it('generates valid, unique mobiles', () => {
    expect(customers).toHaveLength(200);
    for (const c of customers) expect(isValidMobile(c.mobile), c.mobile).toBe(true);
    expect(new Set(customers.map((c) => c.mobile)).size).toBe(customers.length);
  });

  it('is mostly private customers with a few organisations', () => {
    const privateCount = customers.filter((c) => c.customerType === 'PRIVATE').length;
    expect(privateCount).toBeGreaterThan(customers.length * 0.7);
    expect(privateCount).toBeLessThan(customers.length);
  });

  it('is deterministic for the same seed', () => {
    expect(demoCustomers(50, createRng(99))).toEqual(demoCustomers(50, createRng(99)));
    expect(demoCustomers(50, createRng(99))).not.toEqual(demoCustomers(50, createRng(100)));
  });
});

describe('demoVehicles', () => {
  const vehicles = demoVehicles(120, createRng(7));

  it('generates valid, unique VINs', () => {
    for (const v of vehicles) expect(isValidVin(v.vin), v.vin).toBe(true);
    expect(new Set(vehicles.map((v) => v.vin)).size).toBe(vehicles.length);
    for (const v of vehicles) expect(['LSV', 'LFV']).toContain(v.vin.slice(0, 3));
  });

  it('generates valid, unique plates', () => {
    for (const v of vehicles) expect(isValidPlate(v.plate), v.plate).toBe(true);
    expect(new Set(vehicles.map((v) => v.plate)).size).toBe(vehicles.length);
  });

  it('gives new-energy plates to ID models only, at least 5 of them', () => {
    for (const v of vehicles) expect(isNewEnergyPlate(v.plate), v.plate).toBe(v.model.startsWith('ID.'));
    expect(demoVehicles(20, createRng(1)).filter((v) => isNewEnergyPlate(v.plate)).length).toBeGreaterThanOrEqual(5);
  });

  it('keeps mileage and year in range', () => {
    for (const v of vehicles) {
      expect(v.mileageKm).toBeGreaterThanOrEqual(3_000);
      expect(v.mileageKm).toBeLessThanOrEqual(180_000);
      expect(v.year).toBeGreaterThanOrEqual(2016);
      expect(v.year).toBeLessThanOrEqual(2025);
      expect(v.brand).toBe('大众');
    }
  });

  it('is deterministic for the same seed', () => {
    expect(demoVehicles(50, createRng(3))).toEqual(demoVehicles(50, createRng(3)));
  });
});
