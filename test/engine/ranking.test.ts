import fc from "fast-check";
import { competitionRanks, pickQuota } from "../../src/engine";

describe("competitionRanks", () => {
  it.each([
    [
      [100, 99, 99, 97],
      [1, 2, 2, 4],
    ],
    [
      [97, 99, 100, 99],
      [4, 2, 1, 2],
    ],
    [
      [5, 5, 5],
      [1, 1, 1],
    ],
    [[], []],
  ])("%j → %j", (scores, ranks) => expect(competitionRanks(scores)).toEqual(ranks));

  it("rank = 1 + number of strictly higher scores", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 })), (scores) => {
        expect(competitionRanks(scores)).toEqual(scores.map((s) => 1 + scores.filter((t) => t > s).length));
      }),
    );
  });
});

describe("pickQuota", () => {
  const id = (x: number) => x;
  it.each([
    ["fewer candidates than places", [90, 80], 3, [90, 80], []],
    ["a clean cut", [100, 99, 98, 97], 3, [100, 99, 98], []],
    ["a tie inside the quota", [100, 100, 99, 98], 3, [100, 100, 99], []],
    ["a tie across the boundary", [100, 99, 98, 98, 97], 3, [100, 99], [98, 98]],
    ["everyone tied", [95, 95, 95, 95], 3, [], [95, 95, 95, 95]],
    ["a quota of zero", [100, 99], 0, [], []],
  ])("%s", (_name, scores, quota, selected, pending) => {
    expect(pickQuota(scores, id, quota)).toEqual({ selected, pending });
  });

  it("never selects more than the quota, and pending ties share one score", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 })), fc.nat(6), (scores, quota) => {
        const { selected, pending } = pickQuota(scores, id, quota);
        expect(selected.length).toBeLessThanOrEqual(quota);
        expect(new Set(pending).size).toBeLessThanOrEqual(1);
        if (pending.length) expect(selected.length + pending.length).toBeGreaterThan(quota);
        for (const s of selected) for (const p of pending) expect(s).toBeGreaterThan(p);
      }),
    );
  });
});
