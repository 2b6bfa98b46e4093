package io.wbo.withdrawal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Every element pain.001.001.09 requires, in the schema's order, with the control sums that must add up. */
class Pain001WriterTests {

	static final Pain001Writer.Debtor DEBTOR = new Pain001Writer.Debtor("WBO Securities Ltd - Client A/C", "004-500-888001-838", "004",
			"HSBC Hong Kong");

	Document write(List<Pain001Writer.Item> items, String channel) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Pain001Writer.write(out, "PB20261122-00001", DEBTOR, channel, LocalDate.of(2026, 11, 22), items);
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(false);
		return f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
	}

	static String text(Document d, String xpath) throws Exception {
		XPath x = XPathFactory.newInstance().newXPath();
		return (String) x.evaluate(xpath, d, XPathConstants.STRING);
	}

	static int count(Document d, String xpath) throws Exception {
		return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, d, XPathConstants.NODESET)).getLength();
	}

	static List<String> children(Node node) {
		List<String> names = new ArrayList<>();
		for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
			if (c instanceof Element e) {
				names.add(e.getTagName());
			}
		}
		return names;
	}

	List<Pain001Writer.Item> items() {
		return List.of(
				new Pain001Writer.Item("W20261122-000001", "HKD", new BigDecimal("1000.00"), "CHAN TAI MAN", "004-123-456789-001", "004",
						"HSBC Hong Kong", null),
				new Pain001Writer.Item("W20261122-000002", "HKD", new BigDecimal("250.50"), "LEE KA YAN", "024-888-111111-001", "024",
						"Hang Seng Bank", "rent"),
				new Pain001Writer.Item("W20261122-000003", "USD", new BigDecimal("99.99"), "HO CHUN HEI", "DBS-1", "DHBKHKHHXXX", "DBS", null));
	}

	@Test
	void groupHeaderCarriesCountControlSumAndInitiatingParty() throws Exception {
		Document d = write(items(), "CHATS");
		assertThat(d.getDocumentElement().getAttribute("xmlns")).isEqualTo("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
		assertThat(children(d.getDocumentElement())).containsExactly("CstmrCdtTrfInitn");
		Node header = (Node) XPathFactory.newInstance().newXPath().evaluate("/Document/CstmrCdtTrfInitn/GrpHdr", d, XPathConstants.NODE);
		assertThat(children(header)).containsExactly("MsgId", "CreDtTm", "NbOfTxs", "CtrlSum", "InitgPty");
		assertThat(text(d, "/Document/CstmrCdtTrfInitn/GrpHdr/MsgId")).isEqualTo("PB20261122-00001");
		assertThat(text(d, "/Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
		assertThat(text(d, "/Document/CstmrCdtTrfInitn/GrpHdr/NbOfTxs")).isEqualTo("3");
		assertThat(text(d, "/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum")).isEqualTo("1350.49");
		assertThat(text(d, "/Document/CstmrCdtTrfInitn/GrpHdr/InitgPty/Nm")).isEqualTo(DEBTOR.name());
	}

	@Test
	void onePaymentInformationPerCurrencyWithDebtorAccountAndAgent() throws Exception {
		Document d = write(items(), "CHATS");
		assertThat(count(d, "//PmtInf")).isEqualTo(2);
		Node hkd = (Node) XPathFactory.newInstance().newXPath().evaluate("//PmtInf[1]", d, XPathConstants.NODE);
		assertThat(children(hkd)).containsExactly("PmtInfId", "PmtMtd", "NbOfTxs", "CtrlSum", "PmtTpInf", "ReqdExctnDt", "Dbtr", "DbtrAcct",
				"DbtrAgt", "ChrgBr", "CdtTrfTxInf", "CdtTrfTxInf");
		assertThat(text(d, "//PmtInf[1]/PmtMtd")).isEqualTo("TRF");
		assertThat(text(d, "//PmtInf[1]/NbOfTxs")).isEqualTo("2");
		assertThat(text(d, "//PmtInf[1]/CtrlSum")).isEqualTo("1250.50");
		assertThat(text(d, "//PmtInf[1]/ReqdExctnDt/Dt")).isEqualTo("2026-11-22");
		assertThat(text(d, "//PmtInf[1]/PmtTpInf/LclInstrm/Prtry")).isEqualTo("CHATS");
		assertThat(text(d, "//PmtInf[1]/Dbtr/Nm")).isEqualTo(DEBTOR.name());
		assertThat(text(d, "//PmtInf[1]/DbtrAcct/Id/Othr/Id")).isEqualTo("004-500-888001-838");
		assertThat(text(d, "//PmtInf[1]/DbtrAcct/Ccy")).isEqualTo("HKD");
		assertThat(text(d, "//PmtInf[1]/DbtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("004");
		assertThat(text(d, "//PmtInf[2]/CtrlSum")).isEqualTo("99.99");
		assertThat(text(d, "//PmtInf[2]/DbtrAcct/Ccy")).isEqualTo("USD");
	}

	@Test
	void oneCreditTransferPerItemWithTheSerialAsEndToEndId() throws Exception {
		Document d = write(items(), "CHATS");
		assertThat(count(d, "//CdtTrfTxInf")).isEqualTo(3);
		Node tx = (Node) XPathFactory.newInstance().newXPath().evaluate("//PmtInf[1]/CdtTrfTxInf[2]", d, XPathConstants.NODE);
		assertThat(children(tx)).containsExactly("PmtId", "Amt", "CdtrAgt", "Cdtr", "CdtrAcct", "RmtInf");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/PmtId/EndToEndId")).isEqualTo("W20261122-000002");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/Amt/InstdAmt")).isEqualTo("250.50");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/Amt/InstdAmt/@Ccy")).isEqualTo("HKD");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/Cdtr/Nm")).isEqualTo("LEE KA YAN");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/CdtrAcct/Id/Othr/Id")).isEqualTo("024-888-111111-001");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/CdtrAgt/FinInstnId/ClrSysMmbId/MmbId")).isEqualTo("024");
		assertThat(text(d, "//PmtInf[1]/CdtTrfTxInf[2]/RmtInf/Ustrd")).contains("W20261122-000002").contains("rent");
		assertThat(text(d, "//PmtInf[2]/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI")).isEqualTo("DHBKHKHHXXX");
	}

	@Test
	void chequesArePaidByChequeMethod() throws Exception {
		assertThat(text(write(items(), "CHEQUE"), "//PmtInf[1]/PmtMtd")).isEqualTo("CHK");
	}
}
