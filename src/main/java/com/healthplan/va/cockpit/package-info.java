/**
 * The Cockpit plugin "Vertebral augmentation": the coordinators' board of open cases and the yearly report, as
 * Cockpit plugin resources that answer coordinators and administrators only, and the plugin's page
 * ({@code plugin-webapp/vertebral-augmentation}). Reads the case tables; changes nothing.
 */
package com.healthplan.va.cockpit;
