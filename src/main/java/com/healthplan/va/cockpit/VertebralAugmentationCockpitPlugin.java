package com.healthplan.va.cockpit;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit plugin "Vertebral augmentation" (contract id {@value #ID}): the coordinators' board of open cases and
 * the yearly prior-authorization report, served by the application through the community edition's plugin SPI
 * ({@code META-INF/services}); its page is {@code plugin-webapp/vertebral-augmentation/app/plugin.js}.
 */
public class VertebralAugmentationCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "vertebral-augmentation";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CockpitPluginRootResource.class);
  }
}
