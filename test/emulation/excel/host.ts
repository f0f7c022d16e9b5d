/** An ExcelHost over a fresh emulation, for tests. */
import { ExcelHost } from "../../../src/hosts/excel";
import { createExcelEmulation, type EmulationOptions, type ExcelEmulation } from "./index";

export function emulatedHost(options: EmulationOptions = {}): { emu: ExcelEmulation; host: ExcelHost } {
  const emu = createExcelEmulation(options);
  const host = new ExcelHost({
    run: (batch) => emu.Excel.run(batch),
    isSetSupported: (v) => emu.Office.context.requirements.isSetSupported("ExcelApi", v),
  });
  return { emu, host };
}

/** A seed sheet from a grid of values (row 1 first); "" cells are left empty. */
export function gridSeed(name: string, grid: (string | number | boolean)[][], fmt?: string) {
  const cells = grid.flatMap((row, r) =>
    row.flatMap((v, c) => (v === "" ? [] : [{ row: r + 1, column: c + 1, cell: fmt ? { v, fmt } : { v } }])),
  );
  return { name, cells };
}
