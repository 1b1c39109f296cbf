package com.healthplan.va.caseapi;

/** Too many documents are being transferred at once; the caller should try again shortly (503). */
class TransfersBusyException extends RuntimeException {
}
