package org.dicas.support;

import org.dicas.requirements.FinderModels;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For a browser test that opens pages showing the finder's matches:
 * {@code @ExtendWith(FirstFinderModel.class)} waits, before the class's first test, for the first model of the
 * application the class runs against.
 * <p>
 * That model trains in the background once the application is ready (about 30 s on two cores over the thirty-five
 * development sets, ADR 0051), and a page that shows the finder's matches waits for it. The wait is not what such a
 * test is about, and Playwright's navigation timeout would read it as a fault.
 */
public final class FirstFinderModel implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(FinderModels.class).current();
    }
}
