/**
 * The appeal phase ({@code vertebralAugmentationAppeal}) of a determination adverse in whole or in part: its window
 * (until the last day the notices print), recording the appeal (Tasklist or the case API), its deadline and due-soon
 * alert, and the decision by a physician who did not deny the request. What may be appealed and what an overturn
 * approves is the case core's lifecycle to say; the procedure phase follows an overturn of a whole denial.
 */
package com.healthplan.va.appeal;
