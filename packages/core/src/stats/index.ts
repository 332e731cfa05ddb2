// Statistics for comparing configurations across seeds: pure functions, no I/O.
export {
  describeSample,
  interquartileMean,
  mean,
  sampleVariance,
  type SampleDescription,
} from './describe-sample.js';
export { studentTCdf, studentTQuantile } from './student-t.js';
export { welchTTest, type WelchResult } from './welch-t-test.js';
export {
  bootstrapInterval,
  probabilityBetter,
  DEFAULT_RESAMPLES,
  type Interval,
  type BootstrapOptions,
} from './bootstrap.js';
export { seedsToSeparate } from './seeds-to-separate.js';
export {
  compareConfigurations,
  MIN_SEEDS_FOR_INTERVALS,
  type Comparison,
  type CompareOptions,
  type ConfigTrial,
  type ConfigurationStats,
  type ValueStats,
} from './compare-configurations.js';
export {
  smallestSufficient,
  describeSmallestSufficient,
  SINGLE_SEED_TOLERANCE,
  type SmallestSufficient,
} from './smallest-sufficient.js';
export { pedAnova, type ImportanceDomain, type ImportanceTrial } from './ped-anova.js';
export { importanceDomains, flatParams } from './importance-domains.js';
