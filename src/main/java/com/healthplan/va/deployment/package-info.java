/**
 * Deploys bpmn/ and forms/ as one deployment with stable resource names, and reads Camunda Forms (which fields a
 * person can edit).
 */
package com.healthplan.va.deployment;
