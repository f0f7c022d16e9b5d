export { ExcelHost } from "./ExcelHost";
export { ExcelReadError } from "./readPlan";
export {
  officeRuntime,
  detectFeatures,
  type ExcelRuntime,
  type ExcelFeatures,
  type FeatureNotice,
} from "./runtime";
