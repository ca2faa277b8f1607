/** Coded errors, so callers and tests can tell failures apart without parsing messages. */
export type PipelineErrorCode =
  | 'E_ORDER' // a stage requires a layer no earlier stage assigns
  | 'E_DUPLICATE_STAGE' // two stages with one name
  | 'E_STAGE_FAILED' // a stage threw
  | 'E_BAD_RETURN' // a stage returned something that is not a Doc with its assigned layers
  | 'E_SPAN' // a stage produced a span outside the text

export class PipelineError extends Error {
  constructor(
    readonly code: PipelineErrorCode,
    readonly stage: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(stage ? `[${code}] stage "${stage}": ${message}` : `[${code}] ${message}`, options)
    this.name = 'PipelineError'
  }
}
