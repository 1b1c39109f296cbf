package com.healthplan.va.cockpit;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** The plugin's REST root: {@code /camunda/api/cockpit/plugin/vertebral-augmentation/{engine}/...}. */
@Path("plugin/" + VertebralAugmentationCockpitPlugin.ID)
public class CockpitPluginRootResource extends AbstractCockpitPluginRootResource {

  public CockpitPluginRootResource() {
    super(VertebralAugmentationCockpitPlugin.ID);
  }

  /**
   * The page's assets: besides plugin.js and plugin.css, the charting library, served by the application itself
   * (Chart.js 4.4.7, MIT, bundled as one ES module with esbuild; the application runs without internet).
   */
  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.add("app/chart.esm.js");
    return assets;
  }

  @Path("{engineName}")
  public CoordinatorResource coordinators(@PathParam("engineName") String engineName) {
    return subResource(new CoordinatorResource(engineName), engineName);
  }
}
