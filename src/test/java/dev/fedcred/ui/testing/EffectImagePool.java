package dev.fedcred.ui.testing;

import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

/**
 * JavaFX's pools of images for effects and node caches (one per renderer; Prism's software
 * pipeline, as packaged and as the headless tests run). An image is checked out while an effect or
 * a node cache draws with it and handed back after; one never handed back stays in its pool for
 * good, softly held and never collected while the pool is in use.
 */
public final class EffectImagePool {
    private EffectImagePool() {
    }

    /** How many images are checked out of the pools now. Read it on the FX thread, between pulses. */
    public static int imagesCheckedOut() {
        try {
            Class<?> renderer = Class.forName("com.sun.scenario.effect.impl.Renderer");
            Map<?, ?> renderers = (Map<?, ?>) field(renderer, "rendererMap").get(null);
            int checkedOut = 0;
            synchronized (renderer) {
                for (Object each : renderers.values()) {
                    Object pool = field(renderer, "imagePool").get(each);
                    synchronized (pool) {
                        for (Object held : (List<?>) field(pool.getClass(), "locked").get(pool)) {
                            checkedOut += ((Reference<?>) held).get() != null ? 1 : 0;
                        }
                    }
                }
            }
            return checkedOut;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's effect image pool changed its insides", e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
