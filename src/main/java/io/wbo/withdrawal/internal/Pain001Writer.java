package io.wbo.withdrawal.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * Writes an ISO 20022 customer credit transfer initiation, {@code pain.001.001.09}, in the element order of the
 * schema: a group header with the message id, creation time, number of transactions, control sum and initiating party;
 * one payment information block per currency (debtor, debtor account, debtor agent, requested execution date,
 * channel as local instrument); one credit transfer per item with end-to-end id = the withdrawal's serial number,
 * instructed amount with its currency, creditor agent, creditor, creditor account and unstructured remittance.
 */
final class Pain001Writer {

	static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	record Debtor(String name, String accountNo, String bankCode, String bankName) {
	}

	record Item(String serial, String currency, BigDecimal amount, String creditorName, String creditorAccount, String creditorBankCode,
			String creditorBankName, @Nullable String remittance) {
	}

	private Pain001Writer() {
	}

	static void write(OutputStream out, String messageId, Debtor debtor, String channel, LocalDate executionDate, List<Item> items) {
		try {
			XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			x.writeStartDocument("UTF-8", "1.0");
			x.writeStartElement("Document");
			x.writeDefaultNamespace(NAMESPACE);
			x.writeStartElement("CstmrCdtTrfInitn");

			x.writeStartElement("GrpHdr");
			text(x, "MsgId", messageId);
			text(x, "CreDtTm", Instant.now().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString());
			text(x, "NbOfTxs", Integer.toString(items.size()));
			text(x, "CtrlSum", sum(items).toPlainString());
			x.writeStartElement("InitgPty");
			text(x, "Nm", debtor.name());
			x.writeEndElement();
			x.writeEndElement();

			Map<String, List<Item>> byCurrency = new LinkedHashMap<>();
			items.forEach(i -> byCurrency.computeIfAbsent(i.currency(), c -> new java.util.ArrayList<>()).add(i));
			for (Map.Entry<String, List<Item>> group : byCurrency.entrySet()) {
				List<Item> g = group.getValue();
				x.writeStartElement("PmtInf");
				text(x, "PmtInfId", messageId + "-" + group.getKey());
				text(x, "PmtMtd", "CHEQUE".equals(channel) ? "CHK" : "TRF");
				text(x, "NbOfTxs", Integer.toString(g.size()));
				text(x, "CtrlSum", sum(g).toPlainString());
				x.writeStartElement("PmtTpInf");
				x.writeStartElement("LclInstrm");
				text(x, "Prtry", channel);
				x.writeEndElement();
				x.writeEndElement();
				x.writeStartElement("ReqdExctnDt");
				text(x, "Dt", executionDate.toString());
				x.writeEndElement();
				x.writeStartElement("Dbtr");
				text(x, "Nm", debtor.name());
				x.writeEndElement();
				x.writeStartElement("DbtrAcct");
				account(x, debtor.accountNo());
				text(x, "Ccy", group.getKey());
				x.writeEndElement();
				x.writeStartElement("DbtrAgt");
				agent(x, debtor.bankCode(), debtor.bankName());
				x.writeEndElement();
				text(x, "ChrgBr", "DEBT");
				for (Item i : g) {
					x.writeStartElement("CdtTrfTxInf");
					x.writeStartElement("PmtId");
					text(x, "InstrId", i.serial());
					text(x, "EndToEndId", i.serial());
					x.writeEndElement();
					x.writeStartElement("Amt");
					x.writeStartElement("InstdAmt");
					x.writeAttribute("Ccy", i.currency());
					x.writeCharacters(i.amount().toPlainString());
					x.writeEndElement();
					x.writeEndElement();
					x.writeStartElement("CdtrAgt");
					agent(x, i.creditorBankCode(), i.creditorBankName());
					x.writeEndElement();
					x.writeStartElement("Cdtr");
					text(x, "Nm", i.creditorName());
					x.writeEndElement();
					x.writeStartElement("CdtrAcct");
					account(x, i.creditorAccount());
					x.writeEndElement();
					x.writeStartElement("RmtInf");
					text(x, "Ustrd", truncate("Withdrawal " + i.serial() + (i.remittance() == null ? "" : " " + i.remittance()), 140));
					x.writeEndElement();
					x.writeEndElement();
				}
				x.writeEndElement();
			}
			x.writeEndElement();
			x.writeEndElement();
			x.writeEndDocument();
			x.flush();
			x.close();
		}
		catch (XMLStreamException e) {
			throw new IllegalStateException("pain.001 could not be written", e);
		}
	}

	private static void agent(XMLStreamWriter x, String bankCode, String bankName) throws XMLStreamException {
		x.writeStartElement("FinInstnId");
		if (bankCode.matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")) {
			text(x, "BICFI", bankCode);
		}
		else {
			x.writeStartElement("ClrSysMmbId");
			x.writeStartElement("ClrSysId");
			text(x, "Cd", "HKNCC");
			x.writeEndElement();
			text(x, "MmbId", bankCode);
			x.writeEndElement();
		}
		text(x, "Nm", truncate(bankName, 140));
		x.writeEndElement();
	}

	private static void account(XMLStreamWriter x, String accountNo) throws XMLStreamException {
		x.writeStartElement("Id");
		x.writeStartElement("Othr");
		text(x, "Id", accountNo);
		x.writeEndElement();
		x.writeEndElement();
	}

	private static void text(XMLStreamWriter x, String element, String value) throws XMLStreamException {
		x.writeStartElement(element);
		x.writeCharacters(value);
		x.writeEndElement();
	}

	static BigDecimal sum(List<Item> items) {
		return items.stream().map(Item::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static String truncate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}
}
