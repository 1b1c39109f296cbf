/**
 * Documents of a case (va_document): what providers and staff upload through the case API for the procedure
 * phase, and later the member letters the application writes. Owns the kinds of document, the one check of what a
 * file is (from its content, never its name or declared type), file-name sanitizing, the 20 MB limit, storing a
 * document in one transaction, and reading a case's documents (without content) for the case view and forms.
 * Keeps the copy of the document list that forms show up to date. Builds on the core (casefile), security and
 * input; knows no phase and no API.
 */
package com.healthplan.va.documents;
