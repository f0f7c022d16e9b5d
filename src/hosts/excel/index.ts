export { ExcelHost } from "./ExcelHost";
export {
  officeRuntime,
  detectFeatures,
  type ExcelRuntime,
  type ExcelFeatures,
  type FeatureNotice,
} from "./runtime";
