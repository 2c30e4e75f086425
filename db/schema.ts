import { sql } from "drizzle-orm";
import { check, pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** The clinic's own settings: one row, id 1. Everything time-related uses its IANA zone. */
export const clinic = pgTable(
  "clinic",
  {
    id: smallint("id").primaryKey().default(1),
    name: text("name").notNull(),
    address: text("address").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    timeZone: text("time_zone").notNull(),
    /** What to dial in an emergency, as patients should read it, e.g. "911". */
    emergencyNumber: text("emergency_number").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("clinic_singleton", sql`${t.id} = 1`)],
);

export type Clinic = typeof clinic.$inferSelect;
export type NewClinic = typeof clinic.$inferInsert;
