/**
 * Reports across cases: the yearly prior-authorization metrics of the CMS interoperability and prior
 * authorization rule, computed by queries on the case file.
 */
package com.healthplan.va.reporting;
