/** Errors that mean "this optional part is not readable", not "the scope is broken". */
export const isAccessDenied = (e: unknown) =>
  /AccessDenied|UnauthorizedOperation|NotAuthorized/i.test(
    (e as Error)?.name ?? '',
  );

export const isNotFound = (e: unknown) =>
  (e as Error)?.name === 'ResourceNotFoundException';

/** Records a part of a scope that could not be read, without failing the whole scope. */
export type PartialError = (
  operation: string,
  subject: string,
  e: unknown,
) => void;
