/** Test-only: puts the Excel emulation where office.js would be, seeded by the test (window.__KAOHE_SEED__). */
import { createExcelEmulation, type EmulationOptions, type ExcelEmulation } from "../emulation/excel";

declare global {
  interface Window {
    __KAOHE_SEED__?: EmulationOptions;
    __KAOHE_EMU__?: ExcelEmulation;
  }
}

const emu = createExcelEmulation(window.__KAOHE_SEED__ ?? {});
Object.assign(window, { Excel: emu.Excel, Office: emu.Office, __KAOHE_EMU__: emu });
