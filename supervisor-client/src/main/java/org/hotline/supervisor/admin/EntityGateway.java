package org.hotline.supervisor.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The server's list, save and delete of one kind of configuration; every future completes on
 * the FX thread and fails with the server's status.
 *
 * @param <T> the stored item
 */
public interface EntityGateway<T> {
    CompletableFuture<List<T>> list();

    /** Creates ({@code create}) or updates by the item's id; completes with the item as stored. */
    CompletableFuture<T> save(T item, boolean create);

    /** Only called for items the form says can be deleted. */
    default CompletableFuture<Void> delete(T item) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("delete: not offered for " + item));
    }
}
