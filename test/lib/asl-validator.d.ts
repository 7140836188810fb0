// asl-validator ships no types; this declares the part the tests use.
declare module 'asl-validator' {
  interface AslValidatorOptions {
    checkPaths?: boolean;
    checkArn?: boolean;
  }

  interface AslValidationResult {
    isValid: boolean;
    errors: Array<{ message?: string }>;
    errorsText(separator?: string): string;
  }

  /** Validates a definition; it adds `QueryLanguage` to every state, so pass a copy. */
  export default function aslValidator(
    definition: unknown,
    options?: AslValidatorOptions,
  ): AslValidationResult;
}
