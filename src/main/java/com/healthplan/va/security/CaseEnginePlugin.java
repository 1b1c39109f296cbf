package com.healthplan.va.security;

import com.healthplan.va.casefile.CaseLifecycle;
import com.healthplan.va.casefile.CaseRepository;
import com.healthplan.va.casefile.CaseVariables;
import com.healthplan.va.deployment.EditableFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Puts the case's rules inside the engine: the {@link CaseCommandGuard} runs before every command, whichever
 * API or path called it. (The process engine plugin and command interceptor are Camunda's documented extension
 * points; Camunda 7 offers them only as {@code impl} types.)
 */
@Component
class CaseEnginePlugin extends AbstractProcessEnginePlugin {

  private final EditableFields editableFields;
  private final LoginThrottle logins;
  private final CaseRepository cases;
  private final CaseLifecycle lifecycle;

  CaseEnginePlugin(EditableFields editableFields, LoginThrottle logins, CaseRepository cases,
      CaseLifecycle lifecycle) {
    this.editableFields = editableFields;
    this.logins = logins;
    this.cases = cases;
    this.lifecycle = lifecycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineCommandFields.verify();
    // one guard per chain: an interceptor is a link of its chain (the engine sets its next), so an instance shared
    // by both chains would send the TxRequired chain on into the TxRequiresNew chain
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), newGuard(configuration),
            newCommentRules(configuration), newPatientDataQueries(configuration)));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), newGuard(configuration),
            newCommentRules(configuration), newPatientDataQueries(configuration)));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    logins.equalizeTimingWith(new PasswordTiming(configuration::getIdentityService,
        configuration::getPasswordManager));
  }

  private static CommentRules newCommentRules(ProcessEngineConfigurationImpl configuration) {
    return new CommentRules(configuration::getIdentityService, configuration::getTaskService);
  }

  private static PatientDataQueries newPatientDataQueries(ProcessEngineConfigurationImpl configuration) {
    return new PatientDataQueries(configuration::getIdentityService, configuration::getTaskService,
        configuration::getRuntimeService, configuration::getHistoryService);
  }

  private CaseCommandGuard newGuard(ProcessEngineConfigurationImpl configuration) {
    return new CaseCommandGuard(configuration::getIdentityService, configuration::getTaskService,
        configuration::getRepositoryService, editableFields, logins, Set.copyOf(CaseVariables.CASE_PROCESS_KEYS),
        Set.copyOf(CaseVariables.PHASE_PROCESS_KEYS), new CaseCommandRules(configuration::getTaskService,
            configuration::getRuntimeService, configuration::getRepositoryService,
            configuration::getIdentityService, cases, lifecycle));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors, CaseCommandGuard guard,
      CommentRules comments, PatientDataQueries patientData) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(guard);
    all.add(comments);
    all.add(patientData);
    if (interceptors != null) {
      all.addAll(interceptors);
    }
    return all;
  }
}
