package org.homeward.transfer.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on manifests. The upload's byte limit is set apart, per path, under homeward.http.body-limits. */
@ConfigMapping(prefix = "homeward.manifest")
public interface ManifestConfig {

    /** The most items one manifest may list; a larger handover is split into several transfers. */
    @WithDefault("20000")
    int maxItems();
}
