import { describe, expect, it } from "vitest";
import { formatDateTime, formatRelative, fromNewsroomWallClock, toNewsroomWallClock } from "./dates";

describe("dates in the newsroom's time zone (Europe/Berlin)", () => {
  const winter = new Date("2019-11-22T15:04:00Z"); // 16:04 in Berlin

  it("writes German and English dates as people expect", () => {
    expect(formatDateTime(winter, "de")).toBe("22. November 2019, 16:04");
    expect(formatDateTime(winter, "en")).toBe("22 November 2019, 4:04 pm");
  });

  it("writes early German hours with two digits", () => {
    expect(formatDateTime(new Date("2026-11-24T02:45:00Z"), "de")).toBe("24. November 2026, 03:45");
    expect(formatDateTime(new Date("2026-11-24T02:45:00Z"), "en")).toBe("24 November 2026, 3:45 am");
  });

  it("follows summer time", () => {
    expect(formatDateTime(new Date("2020-07-01T10:30:00Z"), "de")).toBe("1. Juli 2020, 12:30");
  });

  it("says how long ago in the desk", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    expect(formatRelative(new Date("2026-11-24T11:55:00Z"), "de", now)).toBe("vor 5 Minuten");
    expect(formatRelative(new Date("2026-11-24T11:55:00Z"), "en", now)).toBe("5 minutes ago");
    expect(formatRelative(new Date("2026-11-24T09:00:00Z"), "de", now)).toBe("vor 3 Stunden");
    expect(formatRelative(new Date("2026-11-23T12:00:00Z"), "de", now)).toBe("gestern");
    expect(formatRelative(new Date("2026-11-01T12:00:00Z"), "de", now)).toBe("01.11.2026");
  });
});

describe("newsroom wall clock", () => {
  it("reads a datetime-local value in the newsroom's zone, summer and winter", () => {
    expect(fromNewsroomWallClock("2026-11-24T14:30", "Europe/Berlin")?.toISOString()).toBe("2026-11-24T13:30:00.000Z");
    expect(fromNewsroomWallClock("2026-07-01T09:00", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:00:00.000Z");
    expect(toNewsroomWallClock(new Date("2026-11-24T13:30:00Z"), "Europe/Berlin")).toBe("2026-11-24T14:30");
  });

  it("takes seconds too, as a datetime-local input with a step under a minute sends them", () => {
    expect(fromNewsroomWallClock("2026-11-24T14:30:15", "Europe/Berlin")?.toISOString()).toBe("2026-11-24T13:30:15.000Z");
    expect(fromNewsroomWallClock("2026-11-24T14:30:60", "Europe/Berlin")).toBeNull();
  });

  it("refuses malformed values and the hour that does not exist when clocks go forward", () => {
    expect(fromNewsroomWallClock("24.11.2026 14:30", "Europe/Berlin")).toBeNull();
    expect(fromNewsroomWallClock("2026-03-29T02:30", "Europe/Berlin")).toBeNull();
  });
});
