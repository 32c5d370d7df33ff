/** Replaced at build time with package.json's version (scripts/build.mjs). */
declare const SMALLPAY_VERSION: string;
