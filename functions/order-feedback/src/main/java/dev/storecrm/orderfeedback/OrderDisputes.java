package dev.storecrm.orderfeedback;

/** Whether a customer opened a dispute about an order, open or closed. */
interface OrderDisputes {

    boolean disputed(String customerId, String orderId);
}
