package com.healthplan.va.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's REST root: {@code /camunda/api/cockpit/plugin/vertebral-augmentation/{engine}/...}. */
@Path("plugin/" + VertebralAugmentationCockpitPlugin.ID)
public class CockpitPluginRootResource extends AbstractCockpitPluginRootResource {

  public CockpitPluginRootResource() {
    super(VertebralAugmentationCockpitPlugin.ID);
  }

  @Path("{engineName}")
  public CoordinatorResource coordinators(@PathParam("engineName") String engineName) {
    return subResource(new CoordinatorResource(engineName), engineName);
  }
}
